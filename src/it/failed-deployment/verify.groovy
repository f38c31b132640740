// The kit failed the tests with the server's reason (Weld's), rather than letting them meet 404s
def log = new File(basedir, 'build.log').text
assert log.contains('portcullis.testkit.DeploymentFailedException')
assert log.contains('The server did not deploy broken.war')
assert log.contains('WELD-001408: Unsatisfied dependencies for type JsonWebToken')
assert !log.contains('but was: <404>')
// ... and its unit test found none of the WAR's libraries on the test classpath
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0') && log.contains('in com.example.broken.KitClasspathTest')
