package org.ludus.page;

/** One page of a session's page sequence: which app, which round, which page class, at which index. */
public record PageRef(int index, App app, int round, Class<? extends Page<?>> pageClass) {

    public String name() {
        return pageClass.getSimpleName();
    }

    public boolean isWaitPage() {
        return WaitPage.class.isAssignableFrom(pageClass);
    }
}
