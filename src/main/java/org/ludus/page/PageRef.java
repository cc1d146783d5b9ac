package org.ludus.page;

/** One page of a session's page sequence: which app, which round, which page, at which index. */
public record PageRef(int index, App app, int round, AppPage page) {

    public Class<? extends Page<?>> pageClass() {
        return page.type();
    }

    public String name() {
        return page.name();
    }

    /** The template on the class path: the template-only page's, else the page bean's. */
    public String template(Page<?> bean) {
        return page.template() != null ? page.template() : bean.template();
    }

    public boolean isWaitPage() {
        return WaitPage.class.isAssignableFrom(page.type());
    }
}
