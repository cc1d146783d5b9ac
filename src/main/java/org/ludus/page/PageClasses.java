package org.ludus.page;

/** Page beans reach us as CDI proxies (subclasses); this finds the class the author wrote. */
final class PageClasses {

    private PageClasses() {
    }

    static Class<?> userClass(Class<?> type) {
        Class<?> current = type;
        while (current.getName().contains("$$") || current.isSynthetic()) {
            current = current.getSuperclass();
        }
        return current;
    }
}
