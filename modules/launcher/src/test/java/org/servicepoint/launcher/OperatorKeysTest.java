package org.servicepoint.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperatorKeysTest {

    @TempDir
    Path state;

    @Test
    void a_new_operator_key_is_long_enough_for_the_server_and_kept() throws Exception {
        String key = OperatorKeys.loadOrCreate(state);
        assertTrue(key.length() >= OperatorKeys.MIN_LENGTH, key.length() + " characters");
        assertEquals(key, OperatorKeys.loadOrCreate(state));
    }

    @Test
    void a_kept_key_shorter_than_32_characters_stops_the_run_with_a_clear_message() throws Exception {
        Files.writeString(state.resolve("operator-key"), "short-key\n");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> OperatorKeys.loadOrCreate(state));
        assertTrue(refused.getMessage().contains("at least 32"), refused.getMessage());
    }
}
