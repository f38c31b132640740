package portcullis.throttling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class LoginNameTest {

    @Test
    void widthCaseSpacesAndInvisibleCharactersDoNotMakeANewName() {
        for (String spelling : new String[] {"alice", "ALICE", "\uFF41\uFF4C\uFF49\uFF43\uFF45", " alice\u00A0",
                "al\u00ADice", "a\u200Blice", "alice\uFEFF", "\u2003alice\u3000"}) {
            assertEquals("alice", LoginName.counted(spelling), spelling);
        }
    }

    @Test
    void innerSpacesOfEveryKindBecomeOne() {
        assertEquals("jo smith", LoginName.counted("Jo\u00A0\u2009 Smith"));
    }

    @Test
    void caseIsFoldedFullyAndEmailsStayApart() {
        assertEquals(LoginName.counted("strasse@example.com"), LoginName.counted("STRAßE@example.com"));
        assertEquals("alice@example.com", LoginName.counted(" Alice@Example.COM "));
        assertNotEquals(LoginName.counted("alice@example.com"), LoginName.counted("alice@example.org"));
    }
}
