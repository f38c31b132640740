package portcullis.users;

/** Input rules shared by registration and change. */
final class UserRules {
    /** Letters, digits, '_', '.', '-': usernames end up in URLs and on screens. */
    static final String USERNAME = "[\\p{L}\\p{N}_.-]*";
    static final int PASSWORD_MAX = 256;

    private UserRules() {
    }
}
