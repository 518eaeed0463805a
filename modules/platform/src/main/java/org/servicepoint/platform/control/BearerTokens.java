package org.servicepoint.platform.control;

/**
 * Validates a bearer token and says who it stands for. Implemented by the identity context; the platform's
 * authentication mechanism calls it without knowing how tokens are issued.
 */
public interface BearerTokens {

    /**
     * The caller the token proves, or an {@link InvalidToken} saying why it proves nothing, or
     * {@link KeysUnavailable} when it cannot be checked now (the caller is not told they are signed out).
     */
    Caller verify(String compactToken) throws InvalidToken, KeysUnavailable;

    /** The issuer's signing keys cannot be fetched and none are kept: a server-side outage, not a bad token. */
    class KeysUnavailable extends Exception {
        public KeysUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A token that does not authenticate anyone; the message is safe to show the client. */
    class InvalidToken extends Exception {
        public InvalidToken(String message) {
            super(message);
        }

        public InvalidToken(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * A valid token of a library system the operator has suspended: the caller is who they say, but their library
     * system is out of service. Answered 403 {@code tenant-suspended}, so the app can say so instead of signing out.
     */
    class TenantSuspended extends InvalidToken {
        public TenantSuspended(String message) {
            super(message);
        }
    }
}
