package org.ludus.session;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Every configured room (CDI producers of {@link Room}), with its participant labels read once at deployment. */
@ApplicationScoped
public class Rooms {

    @Inject
    @Any
    Instance<Room> produced;

    private final Map<String, Room> byName = new LinkedHashMap<>();
    private final Map<String, Set<String>> labels = new LinkedHashMap<>();

    @PostConstruct
    void collect() {
        produced.stream().map(Room::withPasswordFromSettings).sorted((a, b) -> a.name().compareTo(b.name()))
                .forEach(room -> {
                if (byName.putIfAbsent(room.name(), room) != null) {
                    throw new IllegalStateException("two rooms are named '" + room.name() + "'");
                }
                if (room.participantLabelFile() != null) {
                    labels.put(room.name(), readLabels(room));
                }
            });
    }

    private static Set<String> readLabels(Room room) {
        try (InputStream in = Rooms.class.getClassLoader().getResourceAsStream(room.participantLabelFile())) {
            if (in == null) { // fails the deployment: a room that refuses everyone is a silent mistake
                throw new IllegalStateException("room '" + room.name() + "': no participant label file '"
                        + room.participantLabelFile() + "' on the class path");
            }
            var set = new LinkedHashSet<String>();
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty()).forEach(set::add);
            return Set.copyOf(set);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Collection<Room> all() {
        return byName.values();
    }

    public Optional<Room> find(String name) {
        return Optional.ofNullable(name == null ? null : byName.get(name));
    }

    /** The labels of the room's file, or empty if the room has none (then any label is welcome). */
    public Optional<Set<String>> labelsOf(Room room) {
        return Optional.ofNullable(labels.get(room.name()));
    }
}
