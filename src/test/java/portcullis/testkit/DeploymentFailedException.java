package portcullis.testkit;

import java.util.List;

/** A test deployment the server did not deploy, with the lines of the server's output that say why. */
public class DeploymentFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DeploymentFailedException(String deployment, List<String> reasons) {
        super("The server did not deploy " + deployment + (reasons.isEmpty()
                ? " (it said nothing more; see its log above)"
                : ":\n  " + String.join("\n  ", reasons)));
    }
}
