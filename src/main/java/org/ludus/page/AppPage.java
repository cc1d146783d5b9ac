package org.ludus.page;

/**
 * One entry of an app's page sequence: a page class, or a template-only page ({@code "ResultsPage"}: the
 * template {@code ResultsPage.peb} in the app's package, shown by a {@link TemplatePage} with oTree's
 * defaults). {@code name} is what page_times and the admin pages call it.
 */
public record AppPage(Class<? extends Page<?>> type, String name, String template) {

    public static AppPage of(Class<? extends Page<?>> type) {
        return new AppPage(type, type.getSimpleName(), null);
    }

    /** A page that is only its template, in the package of {@code app}. */
    static AppPage template(Class<?> app, String name) {
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("a template page's name is a Java-like name, not '" + name + "'");
        }
        return new AppPage(TemplatePage.class, name, app.getPackageName().replace('.', '/') + "/" + name + ".peb");
    }

    /**
     * How a session's frozen sequence names it: the class, or for a template page the class name it would
     * have ({@code org.ludus.apps.auction.ResultsPage}), so sessions created while it was a class still find it.
     */
    String key() {
        return template == null ? type.getName() : template.substring(0, template.length() - ".peb".length())
                .replace('/', '.');
    }
}
