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

    static List<Host> hosts(String labelExpression, String executionNode, TaskListener listener) {
        List<Host> hosts = new ArrayList<>();
        Label label = Jenkins.get().getLabel(labelExpression);
        if (label == null) {
            return hosts;
        }
        List<Node> nodes = new ArrayList<>(label.getNodes());
        nodes.sort(Comparator.comparing((Node n) -> hostName(n)));
        for (Node node : nodes) {
            String name = hostName(node);
            if (name.equals(executionNode)) {
                continue;
            }
            Computer computer = node.toComputer();
            FilePath root = node.getRootPath();
            if (computer == null || computer.isOffline() || root == null) { // isOffline: no channel or marked offline
                listener.getLogger().println(Messages.StatisticsNodes_Offline(name, labelExpression));
                continue;
            }
            hosts.add(new JenkinsNodeHost(name, root, node.createLauncher(listener)));
        }
        if (hosts.isEmpty()) {
            listener.getLogger().println(Messages.StatisticsNodes_None(labelExpression));
        }
        return hosts;
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
