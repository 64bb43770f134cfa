package io.perftest.collect;

import javax.management.ObjectName;
import javax.management.StandardMBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The system under test of the JMX end-to-end test, run in its own JVM: allocates short-lived
 * arrays (so that the garbage collector works) until killed (at most a minute), and exposes how
 * many bytes it allocated as the MBean {@code perftest.test:type=Allocator} (attribute {@code AllocatedBytes}).
 */
public final class JmxTarget {

    /** The MBean's interface. */
    public interface AllocatorMBean {
        long getAllocatedBytes();
    }

    /** The MBean. */
    static final class Allocator implements AllocatorMBean {
        final AtomicLong allocated = new AtomicLong();

        @Override
        public long getAllocatedBytes() {
            return allocated.get();
        }
    }

    private JmxTarget() {
    }

    public static void main(String[] args) throws Exception {
        Allocator allocator = new Allocator();
        ManagementFactory.getPlatformMBeanServer().registerMBean(new StandardMBean(allocator, AllocatorMBean.class),
                new ObjectName("perftest.test:type=Allocator"));
        byte[][] kept = new byte[64][];
        long deadline = System.nanoTime() + 60_000_000_000L; // never outlive a broken test for long
        int i = 0;
        while (System.nanoTime() < deadline) {
            kept[i++ % kept.length] = new byte[256 * 1024];
            allocator.allocated.addAndGet(256 * 1024);
            if (i % 16 == 0) {
                Thread.sleep(5);
            }
        }
    }
}
