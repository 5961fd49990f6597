package headwater.domain.identity;

/** Whether an account may log in. */
public enum AccountStatus {
    ACTIVE,
    /** Kept, with its history, but every login and every session of it is refused. */
    DISABLED
}
