package org.ludus.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LiveProtocolTest {

    @ParameterizedTest
    @ValueSource(strings = {"3", "12.5", "\"hello world\"", "[4,5,6]", "{\"type\":\"bid\",\"value\":10.5}", "{}",
            "null", "true"})
    void anyJsonIsLiveData(String data) {
        var frame = LiveProtocol.parse("{\"type\":\"live\",\"id\":7,\"data\":" + data + "}");
        var message = assertInstanceOf(LiveProtocol.LiveMessage.class, frame);
        assertEquals(7, message.id());
        assertEquals(Json.createReader(new StringReader(data)).readValue(),
                Json.createReader(new StringReader(message.dataJson())).readValue());
    }

    @Test
    void pingIsAFrameOfItsOwn() {
        assertInstanceOf(LiveProtocol.Ping.class, LiveProtocol.parse("{\"type\":\"ping\"}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "[1,2]", "42", "{\"type\":\"live\",\"data\":1", "{\"data\":1}",
            "{\"type\":7}", "{\"type\":\"shout\"}", "{\"type\":\"live\",\"data\":1}",
            "{\"type\":\"live\",\"id\":0,\"data\":1}", "{\"type\":\"live\",\"id\":1.5,\"data\":1}",
            "{\"type\":\"live\",\"id\":\"1\",\"data\":1}", "{\"type\":\"live\",\"id\":1}"})
    void anythingElseIsMalformed(String text) {
        assertEquals("malformed", assertThrows(LiveRefusal.class, () -> LiveProtocol.parse(text)).code());
    }

    @Test
    void deeplyNestedJsonIsMalformedNotACrash() {
        String nested = "[".repeat(20_000) + "]".repeat(20_000);
        assertEquals("malformed", assertThrows(LiveRefusal.class,
                () -> LiveProtocol.parse("{\"type\":\"live\",\"id\":1,\"data\":" + nested + "}")).code());
    }

    @Test
    void aStateRequestIsAFrameOfItsOwn() {
        assertInstanceOf(LiveProtocol.StateRequest.class, LiveProtocol.parse("{\"type\":\"state\"}"));
        assertEquals("{\"type\":\"state\",\"seq\":3,\"data\":{\"a\":1}}", LiveProtocol.stateFrame(3, "{\"a\":1}"));
        assertEquals("{\"type\":\"state\",\"seq\":0}", LiveProtocol.stateFrame(0, null));
    }

    @Test
    void theIdOfAFrameIsReadWithoutTheRestOfIt() {
        assertEquals(7L, LiveProtocol.idOf("{\"type\":\"live\",\"id\":7,\"data\":{\"id\":3}}"));
        assertEquals(9L, LiveProtocol.idOf("{\"data\":{\"id\":3},\"type\":\"live\",\"id\":9}"), "a nested id is not it");
        assertEquals(null, LiveProtocol.idOf("{\"type\":\"ping\"}"));
        assertEquals(null, LiveProtocol.idOf("{\"id\":\"7\"}"), "not a number");
        assertEquals(null, LiveProtocol.idOf("not json"));
        assertEquals(5L, LiveProtocol.idOf("{\"type\":\"live\",\"id\":5,\"data\":" + "[".repeat(100)), "cut-off data");
    }

    @Test
    void serverFramesAreJson() {
        assertEquals("{\"type\":\"live\",\"seq\":4,\"data\":{\"bid\":5}}", LiveProtocol.liveFrame(4, "{\"bid\":5}"));
        assertEquals("{\"type\":\"ack\",\"id\":3,\"seq\":4}", LiveProtocol.ackFrame(3, 4));
        JsonObject error = Json.createReader(new StringReader(
                LiveProtocol.errorFrame(null, "malformed", "quote \" and <tag>"))).readObject();
        assertEquals("error", error.getString("type"));
        assertEquals(true, error.isNull("id"));
        assertEquals("quote \" and <tag>", error.getString("message"));
        assertEquals(9, Json.createReader(new StringReader(LiveProtocol.errorFrame(9L, "bad_data", "x")))
                .readObject().getInt("id"));
    }
}
