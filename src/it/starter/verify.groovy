// Both builds ran every test, and WildFly found no duplicate configuration values (the kit replaces the
// application's mp.jwt.verify.* lines rather than appending its own)
def reports = new File(basedir, 'target/failsafe-reports')
assert new File(reports, 'TEST-com.example.reports.ReportsIT.xml').exists()
def wildflyLog = new File(basedir, 'target/wildfly-39.0.1.Final/standalone/log/server.log')
assert wildflyLog.exists()
assert !wildflyLog.text.contains('SRCFG01007')
