package iq.gov.bcc.audit.console;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** An auditor who types the service's address, or /console without its slash, lands on the console. */
@ApplicationScoped
public class ConsoleEntrance {

    static final String CONSOLE = "/console/";

    void routes(@Observes Router router) {
        router.get("/").handler(rc -> redirect(rc, "/"));
        router.get("/console").handler(rc -> redirect(rc, "/console"));
    }

    /** Vert.x matches a route's path with or without a trailing slash: only the exact address is redirected. */
    private static void redirect(RoutingContext rc, String exactly) {
        if (!rc.request().path().equals(exactly)) {
            rc.next();
            return;
        }
        rc.response().setStatusCode(302).putHeader("Location", CONSOLE).end();
    }
}
