package io.jenkins.plugins.perftest;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.model.Computer;
import hudson.model.Executor;
import hudson.model.Node;
import hudson.model.Queue;
import hudson.model.Run;
import hudson.model.queue.CauseOfBlockage;
import hudson.model.queue.QueueTaskDispatcher;
import io.perftest.model.Durations;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import jenkins.model.Jenkins;

/**
 * Exclusive nodes: a run that wants its nodes to itself waits until no other build runs on the
 * execution node and on every statistics node, then holds them: while it holds a node, this
 * dispatcher keeps every other queue item off it (the queue shows why), so all of the node's
 * executors are the run's. Builds of other runs that are themselves waiting here are not
 * counted as busy (they only wait), so two exclusive runs sharing a node take turns instead of
 * waiting for each other. Held in memory on the controller; a restart releases everything.
 */
@Extension
public final class NodeReservations extends QueueTaskDispatcher {

    /** How often the wait looks at the nodes again, and tells the log at most once a minute. */
    static final long POLL_MILLIS = 250;
    private static final long TELL_EVERY_MILLIS = 60_000;

    private final Map<String, Run<?, ?>> held = new HashMap<>();
    private final Set<Run<?, ?>> waiting = new HashSet<>();

    static NodeReservations get() {
        return ExtensionList.lookupSingleton(NodeReservations.class);
    }

    /** What a run holds; {@link #close()} gives it back. */
    public final class Hold implements AutoCloseable {
        private final Run<?, ?> run;
        private final List<String> nodes;

        private Hold(Run<?, ?> run, List<String> nodes) {
            this.run = run;
            this.nodes = List.copyOf(nodes);
        }

        @Override
        public void close() {
            synchronized (NodeReservations.this) {
                for (String node : nodes) {
                    held.remove(node, run);
                }
            }
            Jenkins.get().getQueue().scheduleMaintenance(); // the items kept off the nodes may go now
        }
    }

    /**
     * Waits until nothing else runs on {@code nodes} and no other run holds them, then holds
     * them. The wait is told to {@code log} (which builds it waits for), bounded by {@code limit}.
     *
     * @throws AbortException when the nodes did not become free within {@code limit}
     */
    Hold acquire(Run<?, ?> run, Collection<Node> nodes, Duration limit, PrintStream log)
            throws AbortException, InterruptedException {
        List<String> names = new ArrayList<>();
        for (Node node : nodes) {
            String name = StatisticsNodes.hostName(node);
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        long told = 0;
        String blockers = null;
        synchronized (this) {
            waiting.add(run);
        }
        try {
            while (true) {
                List<String> busy;
                synchronized (this) {
                    busy = blockers(run, nodes);
                    if (busy.isEmpty()) {
                        names.forEach(n -> held.put(n, run));
                        log.println(Messages.NodeReservations_Held(String.join(", ", names),
                                Durations.format(Duration.ofNanos(System.nanoTime() - start))));
                        return new Hold(run, names);
                    }
                }
                long now = System.nanoTime();
                String text = String.join("; ", busy);
                if (!text.equals(blockers) || now - told >= TimeUnit.MILLISECONDS.toNanos(TELL_EVERY_MILLIS)) {
                    log.println(Messages.NodeReservations_Waiting(String.join(", ", names), text,
                            Durations.format(Duration.ofSeconds(TimeUnit.NANOSECONDS.toSeconds(now - start))),
                            Durations.format(limit)));
                    blockers = text;
                    told = now;
                }
                if (now >= deadline) {
                    throw new AbortException(Messages.NodeReservations_TooLong(Durations.format(limit), String.join(", ", names), text));
                }
                Thread.sleep(Math.min(POLL_MILLIS, Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - now))));
            }
        } finally {
            synchronized (this) {
                waiting.remove(run);
            }
        }
    }

    /** What keeps {@code run} from holding {@code nodes}: other holders, and other builds running there. */
    private List<String> blockers(Run<?, ?> run, Collection<Node> nodes) {
        Set<String> out = new LinkedHashSet<>();
        for (Node node : nodes) {
            Run<?, ?> holder = held.get(StatisticsNodes.hostName(node));
            if (holder != null && holder != run) {
                out.add(Messages.NodeReservations_HeldBy(holder.getFullDisplayName(), StatisticsNodes.hostName(node)));
            }
        }
        for (String build : otherBuilds(run, nodes)) {
            out.add(build);
        }
        return new ArrayList<>(out);
    }

    /**
     * The other builds running on {@code nodes} ({@code job #3 on node}), leaving out {@code run}
     * itself and runs that are only waiting here for exclusive nodes.
     */
    List<String> otherBuilds(Run<?, ?> run, Collection<Node> nodes) {
        List<String> out = new ArrayList<>();
        for (Node node : nodes) {
            Computer computer = node.toComputer();
            if (computer == null) {
                continue;
            }
            for (Executor executor : computer.getExecutors()) {
                Run<?, ?> other = runOf(executor.getCurrentExecutable());
                boolean waitingHere;
                synchronized (this) {
                    waitingHere = waiting.contains(other);
                }
                if (other != null && other != run && !waitingHere) {
                    out.add(Messages.NodeReservations_Busy(other.getFullDisplayName(), StatisticsNodes.hostName(node)));
                } else if (other == null && executor.getCurrentExecutable() != null) {
                    out.add(Messages.NodeReservations_Busy(executor.getCurrentExecutable().toString(), StatisticsNodes.hostName(node)));
                }
            }
        }
        return out;
    }

    /** The build an executable belongs to: itself, or its parent (a pipeline's {@code node} block), as core's RunningBuildFilePathFilter finds it. */
    @CheckForNull
    static Run<?, ?> runOf(@CheckForNull Queue.Executable executable) {
        for (int depth = 0; executable != null && depth < 16; depth++) {
            if (executable instanceof Run<?, ?> r) {
                return r;
            }
            executable = executable.getParentExecutable();
        }
        return null;
    }

    /** The build a queued task belongs to, if it belongs to one (a pipeline's {@code node} block). */
    @CheckForNull
    private static Queue.Executable ownerOf(Queue.Task task) {
        try {
            return task.getOwnerExecutable();
        } catch (Exception e) { // declared to throw IOException in some versions
            return null;
        }
    }

    /** Keeps every other queue item off a held node; the holder's own work (a pipeline's later {@code node} blocks) may go. */
    @Override
    @CheckForNull
    public CauseOfBlockage canTake(Node node, Queue.BuildableItem item) {
        Run<?, ?> holder;
        synchronized (this) {
            holder = held.get(StatisticsNodes.hostName(node));
        }
        if (holder == null || runOf(ownerOf(item.task)) == holder) {
            return null;
        }
        String reason = Messages.NodeReservations_Blocked(StatisticsNodes.hostName(node), holder.getFullDisplayName());
        return new CauseOfBlockage() {
            @Override
            public String getShortDescription() {
                return reason;
            }
        };
    }
}
