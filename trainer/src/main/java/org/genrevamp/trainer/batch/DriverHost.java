package org.genrevamp.trainer.batch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.spark.util.Utils;

/**
 * The name this JVM's Spark driver goes by, settled before any Spark configuration class loads.
 * Spark 3.5 computes the default of {@code spark.driver.host} in a static initialiser, from
 * {@code InetAddress.getLocalHost()} unless the environment names the address ({@code SPARK_LOCAL_IP})
 * or the name ({@code SPARK_LOCAL_HOSTNAME}); on a machine whose hostname has no entry in /etc/hosts or
 * DNS that throws, and no {@code spark.driver.*} setting can help. A local master needs no name: its
 * executors are this JVM's threads, so the driver goes by the loopback address. A cluster's executors
 * must reach the driver: a {@code spark.driver.host} the user gave is used; otherwise the job stops
 * with what to set.
 */
final class DriverHost {

    private DriverHost() {
    }

    /**
     * Settles the driver's name for {@code master} if the hostname does not resolve; call before any
     * Spark class loads.
     *
     * @param driverHost the {@code spark.driver.host} setting, or null
     * @throws IllegalArgumentException for a cluster master, no {@code spark.driver.host} and a hostname that does not resolve
     */
    static void settle(String master, String driverHost) {
        if (System.getenv("SPARK_LOCAL_IP") != null || System.getenv("SPARK_LOCAL_HOSTNAME") != null) {
            return;   // Spark reads these instead of resolving the hostname
        }
        String unresolved = unresolvedHostname();
        if (unresolved == null) {
            return;
        }
        if (driverHost != null) {
            Utils.setCustomHostname(driverHost);
        } else if (master.startsWith("local")) {
            Utils.setCustomHostname(InetAddress.getLoopbackAddress().getHostAddress());
        } else {
            throw new IllegalArgumentException("this machine's hostname '" + unresolved + "' does not resolve"
                    + " (no entry in /etc/hosts or DNS), so the executors of " + master + " cannot reach this"
                    + " driver: set SPARK_LOCAL_IP to this machine's address on the cluster's network, or add '"
                    + unresolved + "' to /etc/hosts");
        }
    }

    /** This machine's hostname when it does not resolve, else null. */
    private static String unresolvedHostname() {
        try {
            InetAddress.getLocalHost();
            return null;
        } catch (UnknownHostException e) {
            // the JDK's message starts with the name: "vm: vm: Name or service not known"
            String message = e.getMessage() == null ? "" : e.getMessage();
            int colon = message.indexOf(':');
            return colon > 0 ? message.substring(0, colon) : message;
        }
    }
}
