/** MicroProfile Health: readiness (database reachable, signing keys loaded) and liveness, for load balancers. */
package portcullis.health;
