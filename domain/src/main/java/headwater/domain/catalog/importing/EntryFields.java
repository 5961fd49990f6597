package headwater.domain.catalog.importing;

import headwater.domain.catalog.ChannelDraft;
import headwater.domain.catalog.Check;
import headwater.domain.catalog.InvalidValueException;
import headwater.domain.m3u.PlaylistEntry;
import headwater.domain.m3u.PlaylistHeader;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * What a playlist entry says about its channel, each value checked against the catalogue's rules. A value that
 * breaks a rule is left out (or shortened, for names) and the reason given to the problem sink. An entry whose URL
 * cannot be a source ({@code [NO PUBLIC STREAM]}) still becomes a channel, without a source and disabled, so that
 * nothing of the playlist is lost and the operator can give it one.
 *
 * @param source the source, or null if the URL cannot be one
 * @param number the {@code tvg-chno} if it is a usable channel number, else null
 * @param groups {@code group-title} items ({@code ;}-separated) then {@code #EXTGRP}, without repeats
 */
record EntryFields(String name, URI logo, String epgChannelId, List<String> groups, URI source, int archiveDays,
                   boolean radio, Integer number) {

    static EntryFields of(PlaylistEntry entry, PlaylistHeader header, Consumer<String> problem) {
        URI source = SourceUri.of(entry, problem);
        return new EntryFields(shortened("name", entry.displayName(), problem), logo(entry, problem),
                epgChannelId(entry, problem), groups(entry, problem), source, archiveDays(entry, header, problem),
                entry.radio(), number(entry, problem));
    }

    /** The channel's sources: this one, or none. */
    List<URI> sources() {
        return source == null ? List.of() : List.of(source);
    }

    /** A channel runs only with a source. */
    boolean enabled() {
        return source != null;
    }

    private static URI logo(PlaylistEntry entry, Consumer<String> problem) {
        var text = entry.tvgLogo();
        if (text.isEmpty()) {
            return null;
        }
        try {
            URI logo = Check.parseUri("channel", "logo", SourceUri.lenient(text.get()));
            return Check.uri("channel", "logo", logo, ChannelDraft.LOGO_SCHEMES);
        } catch (InvalidValueException e) {
            problem.accept("tvg-logo is not used: " + e.getMessage());
            return null;
        }
    }

    private static String epgChannelId(PlaylistEntry entry, Consumer<String> problem) {
        var text = entry.tvgId();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Check.optionalText("channel", "epgChannelId", text.get(), ChannelDraft.MAX_EPG_CHANNEL_ID_LENGTH);
        } catch (InvalidValueException e) {
            problem.accept("tvg-id is not used: " + e.getMessage());
            return null;
        }
    }

    private static List<String> groups(PlaylistEntry entry, Consumer<String> problem) {
        var groups = new LinkedHashSet<String>();
        for (String group : entry.groupTitles()) {
            groups.add(shortened("group", group, problem));
        }
        entry.group().map(String::strip).filter(g -> !g.isEmpty()).ifPresent(g -> groups.add(shortened("group", g, problem)));
        var list = new ArrayList<>(groups);
        if (list.size() > ChannelDraft.MAX_CATEGORIES) {
            problem.accept("has " + list.size() + " groups: only the first " + ChannelDraft.MAX_CATEGORIES + " are used");
            return List.copyOf(list.subList(0, ChannelDraft.MAX_CATEGORIES));
        }
        return List.copyOf(list);
    }

    /**
     * Catch-up days: the entry's {@code catchup-days}, else the header's (players apply it to every entry), else the
     * legacy {@code timeshift} days; 0 when none. Clamped to what the catalogue allows.
     */
    private static int archiveDays(PlaylistEntry entry, PlaylistHeader header, Consumer<String> problem) {
        OptionalInt days = entry.catchupDays();
        if (days.isEmpty()) {
            days = header.catchupDays();
        }
        if (days.isEmpty()) {
            days = entry.timeshift();
        }
        if (days.isEmpty()) {
            return 0;
        }
        int value = days.getAsInt();
        if (value < 0) {
            problem.accept("catch-up days " + value + " is negative; 0 used");
            return 0;
        }
        if (value > ChannelDraft.MAX_ARCHIVE_DAYS) {
            problem.accept("catch-up days " + value + " is more than " + ChannelDraft.MAX_ARCHIVE_DAYS + "; "
                    + ChannelDraft.MAX_ARCHIVE_DAYS + " used");
            return ChannelDraft.MAX_ARCHIVE_DAYS;
        }
        return value;
    }

    private static Integer number(PlaylistEntry entry, Consumer<String> problem) {
        var text = entry.tvgChno();
        if (text.isEmpty()) {
            return null;
        }
        int number;
        try {
            number = Integer.parseInt(text.get());
        } catch (NumberFormatException e) {
            problem.accept("tvg-chno '" + text.get() + "' is not a whole number; the next free number is used");
            return null;
        }
        if (number < ChannelDraft.MIN_NUMBER || number > ChannelDraft.MAX_NUMBER) {
            problem.accept("tvg-chno " + number + " is outside " + ChannelDraft.MIN_NUMBER + ".." + ChannelDraft.MAX_NUMBER
                    + "; the next free number is used");
            return null;
        }
        return number;
    }

    private static String shortened(String what, String text, Consumer<String> problem) {
        if (text.length() <= Check.MAX_NAME_LENGTH) {
            return text;
        }
        int end = Check.MAX_NAME_LENGTH;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        problem.accept("the " + what + " is " + text.length() + " characters long; its first " + end + " are used");
        return text.substring(0, end).strip();
    }
}
