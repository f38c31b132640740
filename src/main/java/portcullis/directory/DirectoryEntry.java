package portcullis.directory;

import java.util.Set;

/**
 * A person as the directory describes them: {@code id} is the directory's stable identifier (entryUUID, objectGUID),
 * which survives renames and moves; {@code groups} are group names, lower case, nested ones included.
 */
record DirectoryEntry(String id, String dn, String email, String username, String name, boolean disabled,
        Set<String> groups) {
}
