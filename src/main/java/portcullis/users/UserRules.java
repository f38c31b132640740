package portcullis.users;

/** Input rules shared by registration and change. */
final class UserRules {
    /** Letters, digits, '_', '.', '-': usernames end up in URLs and on screens. */
    static final String USERNAME = "[\\p{L}\\p{N}_.-]*";
    static final int PASSWORD_MAX = 256;
    /** No NUL: PostgreSQL refuses it in any text, and no name, bio or URL needs one. */
    static final String NO_NUL = "[^\\x00]*";

    private UserRules() {
    }
}
