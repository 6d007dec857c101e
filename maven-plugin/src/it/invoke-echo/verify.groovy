def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
// The handler's logs, record by record, as the function wrote them.
assert log.contains('[OrdersEchoFunction] echo INSERT 101')
assert log.contains('[OrdersEchoFunction] echo MODIFY 101')
assert log.contains('[OrdersEchoFunction] echo REMOVE 101')
assert log =~ /Response of OrdersEchoFunction \(request [0-9a-f-]{36}\): null/
return true
