package org.servicepoint.platform.control;

/**
 * Validates a bearer token and says who it stands for. Implemented by the identity context; the platform's
 * authentication mechanism calls it without knowing how tokens are issued.
 */
public interface BearerTokens {

    /** The caller the token proves, or an {@link InvalidToken} saying why it proves nothing. */
    Caller verify(String compactToken) throws InvalidToken;

    /** A token that does not authenticate anyone; the message is safe to show the client. */
    class InvalidToken extends Exception {
        public InvalidToken(String message) {
            super(message);
        }

        public InvalidToken(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
