package org.genericconnector.protocol;

import java.util.Objects;

/**
 * One call variable: {@code callVariable1..10} or a named (ECC) variable such as {@code user.crm.id}.
 *
 * @param name  the variable's name, never blank
 * @param value its value, possibly empty
 */
public record CallVariable(String name, String value) {
    public CallVariable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (name.isBlank()) {
            throw new IllegalArgumentException("call variable name is blank");
        }
    }
}
