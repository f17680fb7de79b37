package org.genericconnector.simulator.model;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Call variables: {@code callVariable1} to {@code callVariable10} and named (ECC) variables such as
 * {@code user.crm.id}. Stateless.
 */
final class CallData {
    private static final Pattern CALL_VARIABLE = Pattern.compile("callVariable([1-9]|10)");
    private static final Pattern ECC_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-]{0,63}");
    private static final int MAX_VALUE_LENGTH = 210;

    private CallData() {
    }

    /** Validates every name and value first, so that a bad one changes nothing. */
    static void put(Call call, Map<String, String> variables) {
        variables.forEach(CallData::check);
        call.variables.putAll(variables);
    }

    static boolean isCallVariable(String name) {
        return CALL_VARIABLE.matcher(name).matches();
    }

    private static void check(String name, String value) {
        boolean numbered = name.startsWith("callVariable");
        if (numbered ? !isCallVariable(name) : !ECC_NAME.matcher(name).matches()) {
            throw new RefusedException(Refusal.INVALID_DATA, "no call variable named '" + name + "'");
        }
        if (value.length() > MAX_VALUE_LENGTH) {
            throw new RefusedException(Refusal.INVALID_DATA, "value of " + name + " is longer than " + MAX_VALUE_LENGTH);
        }
    }
}
