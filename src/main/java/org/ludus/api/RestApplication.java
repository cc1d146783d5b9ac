package org.ludus.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API, with oTree's routes and JSON shapes (design.md, "Stable interfaces"). */
@ApplicationPath("/api")
public class RestApplication extends Application {
}
