package org.ludus.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.ludus.lab.Caller;
import org.ludus.page.Templates;
import org.ludus.security.CsrfFilter;
import org.ludus.web.PublicUrl;

/**
 * Renders an admin page (templates under ludus/admin/) with what every page needs: the CSRF token, who is
 * signed in, and which parts of the menu their role opens.
 */
@ApplicationScoped
public class AdminView {

    @Inject
    Templates templates;

    @Inject
    Caller caller;

    public void render(HttpServletRequest request, HttpServletResponse response, String template,
            Map<String, Object> view) throws IOException {
        var context = new HashMap<>(view);
        context.put("csrf_token", request.getAttribute(CsrfFilter.FIELD));
        context.put("admin_name", caller.subject() == null ? "" : caller.name());
        context.put("is_researcher", caller.isResearcher());
        context.put("is_lab_admin", caller.isLabAdmin());
        context.put("base_url", PublicUrl.base(request));
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(templates.render("ludus/admin/" + template + ".peb", context));
    }
}
