package headwater.security.tls;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The names a self-signed certificate is made for (its subject alternative names): DNS names and IP addresses.
 *
 * @param dnsNames  host names, lower case, in order, e.g. {@code tv.example.net}, {@code localhost}
 * @param addresses IP addresses, without scope ids
 */
public record SubjectNames(List<String> dnsNames, List<InetAddress> addresses) {

    private static final Pattern DNS_NAME = Pattern.compile(
            "(\\*\\.)?[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

    public SubjectNames {
        dnsNames = List.copyOf(new LinkedHashSet<>(dnsNames));
        addresses = List.copyOf(new LinkedHashSet<>(addresses));
        for (String name : dnsNames) {
            if (!validDnsName(name)) {
                throw new IllegalArgumentException("not a DNS name for a certificate: '" + name + "'");
            }
        }
    }

    /** Whether {@code name} is a lower-case DNS name (letters, digits, hyphens, dots; a leading {@code *.}). */
    public static boolean validDnsName(String name) {
        return name.length() <= 253 && DNS_NAME.matcher(name).matches();
    }

    /**
     * This host: the names given (e.g. the operator's public names), the host's own name and {@code localhost}, and
     * every address of every network interface that is up, loopback included.
     */
    public static SubjectNames ofThisHost(List<String> extraNames) {
        Set<String> names = new LinkedHashSet<>();
        for (String name : extraNames) {
            names.add(name.toLowerCase(Locale.ROOT));
        }
        try {
            String own = InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT);
            if (validDnsName(own)) {
                names.add(own);
            }
        } catch (UnknownHostException | SecurityException e) {
            // a host without a resolvable name still has its addresses and localhost
        }
        names.add("localhost");
        return new SubjectNames(List.copyOf(names), interfaceAddresses());
    }

    private static List<InetAddress> interfaceAddresses() {
        List<InetAddress> addresses = new ArrayList<>();
        try {
            for (NetworkInterface nic : NetworkInterface.networkInterfaces().toList()) {
                if (!nic.isUp()) {
                    continue;
                }
                for (InetAddress address : nic.inetAddresses().toList()) {
                    addresses.add(withoutScope(address));
                }
            }
        } catch (SocketException e) {
            // fall back to loopback below
        }
        addresses.add(InetAddress.getLoopbackAddress());
        return addresses;
    }

    private static InetAddress withoutScope(InetAddress address) {
        if (address instanceof Inet6Address) {
            try {
                return InetAddress.getByAddress(address.getAddress());
            } catch (UnknownHostException e) {
                throw new IllegalStateException("16 bytes are always an address", e);
            }
        }
        return address;
    }

    /** Whether every name and address of {@code wanted} is here too. */
    public boolean covers(SubjectNames wanted) {
        return dnsNames.containsAll(wanted.dnsNames) && addresses.containsAll(wanted.addresses);
    }
}
