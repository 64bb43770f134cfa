package io.perftest.collect;

import javax.management.remote.JMXAuthenticator;
import javax.management.remote.JMXConnectorServer;
import javax.management.remote.JMXConnectorServerFactory;
import javax.management.remote.JMXPrincipal;
import javax.management.remote.JMXServiceURL;
import javax.management.remote.rmi.RMIConnectorServer;
import javax.security.auth.Subject;
import java.io.IOException;
import java.io.Serializable;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.rmi.NoSuchObjectException;
import java.rmi.registry.LocateRegistry;
import java.rmi.registry.Registry;
import java.rmi.server.RMIServerSocketFactory;
import java.rmi.server.UnicastRemoteObject;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A JMX connector server for this test JVM's platform MBeans, on a free loopback port, served
 * like the JDK's agent ({@code service:jmx:rmi:///jndi/rmi://127.0.0.1:PORT/jmxrmi}); optionally
 * with a user and password. {@link #stop()} makes it unreachable, as a JVM that died.
 */
final class JmxTestServer implements AutoCloseable {

    static {
        // the stubs the server hands out name this address (before the first export of this JVM)
        System.setProperty("java.rmi.server.hostname", "127.0.0.1");
    }

    /** Listens on the loopback interface only; equal instances share a port (RMI compares them). */
    private static final class Loopback implements RMIServerSocketFactory, Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public ServerSocket createServerSocket(int port) throws IOException {
            return new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Loopback;
        }

        @Override
        public int hashCode() {
            return 1;
        }
    }

    private final int port;
    private final Registry registry;
    private final JMXConnectorServer server;

    private JmxTestServer(int port, Registry registry, JMXConnectorServer server) {
        this.port = port;
        this.registry = registry;
        this.server = server;
    }

    static JmxTestServer start() throws IOException {
        return start(freePort(), null, null);
    }

    /** On {@code port}; with {@code user} and {@code password} when not null. */
    static JmxTestServer start(int port, String user, String password) throws IOException {
        Loopback sockets = new Loopback();
        Registry registry = LocateRegistry.createRegistry(port, null, sockets);
        Map<String, Object> env = new HashMap<>();
        env.put(RMIConnectorServer.RMI_SERVER_SOCKET_FACTORY_ATTRIBUTE, sockets);
        if (user != null) {
            env.put(JMXConnectorServer.AUTHENTICATOR, (JMXAuthenticator) credentials -> {
                if (credentials instanceof String[] c && c.length == 2 && user.equals(c[0]) && password.equals(c[1])) {
                    return new Subject(true, Set.of(new JMXPrincipal(user)), Set.of(), Set.of());
                }
                throw new SecurityException("wrong user or password");
            });
        }
        JMXServiceURL url = new JMXServiceURL("service:jmx:rmi://127.0.0.1/jndi/rmi://127.0.0.1:" + port + "/jmxrmi");
        JMXConnectorServer server = JMXConnectorServerFactory.newJMXConnectorServer(url, env, ManagementFactory.getPlatformMBeanServer());
        server.start();
        return new JmxTestServer(port, registry, server);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    int port() {
        return port;
    }

    /** The shorthand the collector takes. */
    String address() {
        return "127.0.0.1:" + port;
    }

    /** Stops serving: open connections break, new ones are refused. */
    void stop() throws IOException {
        server.stop();
        try {
            UnicastRemoteObject.unexportObject(registry, true);
        } catch (NoSuchObjectException e) {
            // stopped already
        }
    }

    @Override
    public void close() throws IOException {
        stop();
    }
}
