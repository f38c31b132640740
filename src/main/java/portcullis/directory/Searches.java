package portcullis.directory;

import java.util.HexFormat;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.SearchControls;

/** How every search of the directory is bounded, and how an attribute's value is read. */
final class Searches {

    private Searches() {
    }

    static SearchControls controls(DirectorySettings settings, int scope, long limit, String... attributes) {
        SearchControls controls = new SearchControls();
        controls.setSearchScope(scope);
        controls.setCountLimit(limit);
        controls.setTimeLimit((int) settings.readTimeout().toMillis());
        controls.setReturningAttributes(attributes);
        controls.setReturningObjFlag(false);
        controls.setDerefLinkFlag(false);
        return controls;
    }

    static String text(Attribute attribute) throws NamingException {
        if (attribute == null || attribute.size() == 0) {
            return null;
        }
        Object value = attribute.get(0);
        return value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : String.valueOf(value);
    }
}
