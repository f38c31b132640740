package com.example.broken;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

@ApplicationPath("api")
@LoginConfig(authMethod = "MP-JWT")
public class BrokenApplication extends Application {
}
