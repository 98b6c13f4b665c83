package cn.duban.web;

import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

/**
 * Camunda's HTTP Basic for {@code /engine-rest}, except that a 401 does not challenge with {@code Basic}: a browser
 * answers that challenge with its login prompt and then sends the credentials with every request to duban, a form on
 * another site included. The challenge names {@value #SCHEME} instead, which no browser prompts for; scripts send
 * their credentials up front as before. Named by class in {@link SecurityConfig} (Camunda's filter instantiates it).
 */
public class BasicWithoutBrowserPrompt extends HttpBasicAuthenticationProvider {

    /** The scheme of duban's 401 challenges: Basic credentials, not offered to browsers. */
    static final String SCHEME = "xBasic";

    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
        response.setHeader("WWW-Authenticate", SCHEME + " realm=\"" + engine.getName() + "\"");
    }
}
