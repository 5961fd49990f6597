package headwater.domain.m3u;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Pairs the entries of a re-imported playlist with those of the previous import, so that what the operator attached
 * to a channel (number, EPG id, packages) follows it through renames and URL changes.
 *
 * <p>The {@link MatchRule}s are tried in order; each goes through the new entries in file order and pairs each
 * unpaired one with the first unpaired previous entry (in previous order) that has the same key. No entry is paired
 * twice: two new entries with the same keys take two previous ones, or one is added. Entries without a {@code tvg-id}
 * take no part in the id rules; entries whose name normalises to nothing take no part in the name rules.
 */
public final class PlaylistMatcher {

    private static final char SEPARATOR = '\u0000';

    private PlaylistMatcher() {
    }

    public static PlaylistDiff diff(List<ImportedEntry> previous, List<PlaylistEntry> current) {
        List<StableKeys> oldKeys = previous.stream().map(ImportedEntry::keys).toList();
        List<StableKeys> newKeys = current.stream().map(StableKeys::of).toList();
        int[] partnerOfNew = new int[current.size()];
        MatchRule[] ruleOfNew = new MatchRule[current.size()];
        boolean[] oldTaken = new boolean[previous.size()];
        Arrays.fill(partnerOfNew, -1);

        for (MatchRule rule : MatchRule.values()) {
            Function<StableKeys, String> key = keyOf(rule);
            Map<String, ArrayDeque<Integer>> candidates = new HashMap<>();
            for (int i = 0; i < previous.size(); i++) {
                String k = oldTaken[i] ? null : key.apply(oldKeys.get(i));
                if (k != null) {
                    candidates.computeIfAbsent(k, unused -> new ArrayDeque<>()).add(i);
                }
            }
            if (candidates.isEmpty()) {
                continue;
            }
            for (int n = 0; n < current.size(); n++) {
                String k = partnerOfNew[n] >= 0 ? null : key.apply(newKeys.get(n));
                ArrayDeque<Integer> queue = k == null ? null : candidates.get(k);
                if (queue != null && !queue.isEmpty()) {
                    int o = queue.poll();
                    oldTaken[o] = true;
                    partnerOfNew[n] = o;
                    ruleOfNew[n] = rule;
                }
            }
        }

        var unchanged = new ArrayList<EntryMatch>();
        var changed = new ArrayList<EntryMatch>();
        var renamed = new ArrayList<EntryMatch>();
        var added = new ArrayList<PlaylistEntry>();
        for (int n = 0; n < current.size(); n++) {
            if (partnerOfNew[n] < 0) {
                added.add(current.get(n));
                continue;
            }
            ImportedEntry before = previous.get(partnerOfNew[n]);
            var match = new EntryMatch(before, current.get(n), ruleOfNew[n], changes(before.entry(), current.get(n)));
            if (match.renamed()) {
                renamed.add(match);
            } else if (match.changes().isEmpty()) {
                unchanged.add(match);
            } else {
                changed.add(match);
            }
        }
        var removed = new ArrayList<ImportedEntry>();
        for (int o = 0; o < previous.size(); o++) {
            if (!oldTaken[o]) {
                removed.add(previous.get(o));
            }
        }
        return new PlaylistDiff(unchanged, changed, renamed, added, removed);
    }

    private static Function<StableKeys, String> keyOf(MatchRule rule) {
        return switch (rule) {
            case TVG_ID_AND_URL -> keys -> keys.tvgId().map(id -> id + SEPARATOR + keys.url()).orElse(null);
            case TVG_ID_AND_NAME -> keys -> keys.tvgId().filter(id -> !keys.name().isEmpty())
                    .map(id -> id + SEPARATOR + keys.name()).orElse(null);
            case TVG_ID -> keys -> keys.tvgId().orElse(null);
            case URL_AND_NAME -> keys -> keys.name().isEmpty() ? null : keys.url() + SEPARATOR + keys.name();
            case URL -> StableKeys::url;
            case NAME -> keys -> keys.name().isEmpty() ? null : keys.name();
        };
    }

    /** What differs between two entries, in words (attribute names ignore case; their order does not count). */
    static List<String> changes(PlaylistEntry before, PlaylistEntry after) {
        var changes = new ArrayList<String>();
        if (!before.title().equals(after.title())) {
            changes.add("title");
        }
        if (!before.url().equals(after.url())) {
            changes.add("url");
        }
        Map<String, String> old = folded(before.attributes());
        Map<String, String> now = folded(after.attributes());
        var names = new TreeMap<String, String>();
        before.attributes().list().forEach(a -> names.put(Attributes.fold(a.name()), a.name()));
        after.attributes().list().forEach(a -> names.putIfAbsent(Attributes.fold(a.name()), a.name()));
        names.forEach((folded, name) -> {
            if (!Objects.equals(old.get(folded), now.get(folded))) {
                changes.add("attribute " + name);
            }
        });
        if (!before.group().equals(after.group())) {
            changes.add("group");
        }
        if (Double.compare(before.duration(), after.duration()) != 0) {
            changes.add("duration");
        }
        if (!folded(before.vlcOptions()).equals(folded(after.vlcOptions()))) {
            changes.add("#EXTVLCOPT");
        }
        if (!folded(before.kodiProperties()).equals(folded(after.kodiProperties()))) {
            changes.add("#KODIPROP");
        }
        if (!folded(before.httpHeaders()).equals(folded(after.httpHeaders()))) {
            changes.add("http headers");
        }
        return changes;
    }

    private static Map<String, String> folded(Attributes attributes) {
        var map = new HashMap<String, String>();
        attributes.list().forEach(a -> map.put(Attributes.fold(a.name()), a.value()));
        return map;
    }
}
