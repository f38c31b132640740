package com.example.broken;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** What the kit puts on an application's test classpath: its JOSE library, none of the Portcullis WAR's libraries. */
public class KitClasspathTest {

    @Test
    public void theKitBringsNoneOfTheWarsLibraries() throws ClassNotFoundException {
        Class.forName("com.nimbusds.jose.JWSObject"); // the kit mints with it
        for (String warLibrary : new String[] {"org.flywaydb.core.Flyway", "tools.jackson.databind.ObjectMapper",
                "com.fasterxml.jackson.databind.ObjectMapper", "com.nulabinc.zxcvbn.Zxcvbn", "org.mindrot.jbcrypt.BCrypt"}) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName(warLibrary), warLibrary);
        }
    }
}
