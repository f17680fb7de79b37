package org.genericconnector.finesse.xml;

import java.util.Locale;

/** Text to {@link UserState}, as lenient as the mapper: any case, surrounding blanks, unknown to UNKNOWN. */
final class UserStates {
    private UserStates() {
    }

    static UserState parse(String text) {
        try {
            return UserState.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UserState.UNKNOWN;
        }
    }
}
