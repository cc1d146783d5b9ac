package org.ludus.live;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.ludus.session.BasePlayer;

/** Finds and checks the {@link Live} method of each page class once. */
@ApplicationScoped
public class LiveMethods {

    /**
     * A page's live method and the type its data is bound to; {@code emptyAsksState}: the page has a
     * {@link org.ludus.page.Page#liveState}, so the message {@code {}} (oTree's "send me the state" on load) is
     * answered with it, to the sender only, and never reaches the live method. {@code bareValueField}: the data
     * type is a record of one component (e.g. {@code BidMessage(Currency bid)}), so a bare value such as the
     * seed's {@code liveSend(99)} binds as if it were {@code {"bid": 99}}; null for other types.
     */
    public record LiveMethod(Method method, Type dataType, boolean emptyAsksState, String bareValueField) {
    }

    private final Map<Class<?>, Optional<LiveMethod>> byPage = new ConcurrentHashMap<>();

    public boolean hasLiveMethod(Class<?> pageClass) {
        return of(pageClass).isPresent();
    }

    public Optional<LiveMethod> of(Class<?> pageClass) {
        return byPage.computeIfAbsent(pageClass, LiveMethods::find);
    }

    /** True if the page overrides Page.liveState (the override's bridge method is declared in the page). */
    private static boolean definesState(Class<?> pageClass) {
        try {
            return pageClass.getMethod("liveState", BasePlayer.class).getDeclaringClass() != org.ludus.page.Page.class;
        } catch (NoSuchMethodException e) { // not a Page
            return false;
        }
    }

    static Optional<LiveMethod> find(Class<?> pageClass) {
        var found = new ArrayList<Method>();
        for (Class<?> type = pageClass; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Method method : type.getDeclaredMethods()) {
                if (method.isAnnotationPresent(Live.class)) {
                    found.add(method);
                }
            }
        }
        if (found.isEmpty()) {
            return Optional.empty();
        }
        if (found.size() > 1) {
            throw new IllegalStateException(pageClass.getName() + " has more than one @Live method");
        }
        Method method = found.get(0);
        Class<?>[] parameters = method.getParameterTypes();
        String where = pageClass.getName() + "." + method.getName();
        if (parameters.length != 2 || !BasePlayer.class.isAssignableFrom(parameters[0])) {
            throw new IllegalStateException(where + " must take (player, data)");
        }
        if (method.getReturnType() != void.class && !Map.class.isAssignableFrom(method.getReturnType())) {
            throw new IllegalStateException(where + " must return Map<Integer, ?> or void");
        }
        if (Modifier.isStatic(method.getModifiers()) || Modifier.isPrivate(method.getModifiers())) {
            throw new IllegalStateException(where + " must be an instance method that is not private");
        }
        method.setAccessible(true);
        Type dataType = method.getGenericParameterTypes()[1];
        return Optional.of(new LiveMethod(method, dataType, definesState(pageClass), bareValueField(dataType)));
    }

    /** The JSON name of a one-component record's component (its @JsonbProperty if it has one), else null. */
    static String bareValueField(Type dataType) {
        if (!(dataType instanceof Class<?> type) || !type.isRecord() || type.getRecordComponents().length != 1) {
            return null;
        }
        var component = type.getRecordComponents()[0];
        var property = component.getAccessor().getAnnotation(jakarta.json.bind.annotation.JsonbProperty.class);
        if (property == null) {
            try { // JSON-B reads the annotation from the field as well
                property = type.getDeclaredField(component.getName())
                        .getAnnotation(jakarta.json.bind.annotation.JsonbProperty.class);
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException(e);
            }
        }
        return property != null && !property.value().isEmpty() ? property.value() : component.getName();
    }
}
