package io.jenkins.plugins.perftest;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.FilePath;
import hudson.model.Computer;
import hudson.model.Label;
import hudson.model.Node;
import hudson.model.TaskListener;
import io.perftest.host.Host;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import jenkins.model.Jenkins;

/**
 * The statistics hosts of a run: every node of the statistics label that is online when the run
 * starts, except the build's own node (its collectors run there anyway). Offline nodes are
 * reported in the build log and skipped.
 */
final class StatisticsNodes {

    static final String BUILT_IN = "built-in";

    private StatisticsNodes() {
    }

    /** The online nodes of the label but the execution node, by name; offline ones are told to the log and left out. */
    static List<Node> online(String labelExpression, String executionNode, TaskListener listener) {
        List<Node> online = new ArrayList<>();
        Label label = Jenkins.get().getLabel(labelExpression);
        if (label == null) {
            return online;
        }
        List<Node> nodes = new ArrayList<>(label.getNodes());
        nodes.sort(Comparator.comparing((Node n) -> hostName(n)));
        for (Node node : nodes) {
            String name = hostName(node);
            if (name.equals(executionNode)) {
                continue;
            }
            Computer computer = node.toComputer();
            if (computer == null || computer.isOffline() || node.getRootPath() == null) { // isOffline: no channel or marked offline
                listener.getLogger().println(Messages.StatisticsNodes_Offline(name, labelExpression));
                continue;
            }
            online.add(node);
        }
        if (online.isEmpty()) {
            listener.getLogger().println(Messages.StatisticsNodes_None(labelExpression));
        }
        return online;
    }

    /** A statistics node as the core's host; null when it went offline since {@link #online}. */
    @CheckForNull
    static Host host(Node node, TaskListener listener) {
        FilePath root = node.getRootPath();
        return root == null ? null : new JenkinsNodeHost(hostName(node), root, node.createLauncher(listener));
    }

    static String hostName(Node node) {
        String name = node.getNodeName();
        return name.isEmpty() ? BUILT_IN : name;
    }

    static String hostName(@CheckForNull Computer computer) {
        if (computer == null) {
            return BUILT_IN;
        }
        Node node = computer.getNode();
        return node == null ? computer.getDisplayName() : hostName(node);
    }
}
