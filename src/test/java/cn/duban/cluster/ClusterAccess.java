package cn.duban.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;

/** What other tests use of the cluster's machinery. */
public final class ClusterAccess {

    private ClusterAccess() {}

    /** A port nothing listens on, as the system gives it. */
    public static int freePort() {
        try {
            return Cluster.freePort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
