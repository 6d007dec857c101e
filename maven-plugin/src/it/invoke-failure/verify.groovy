def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
// Lambda's error JSON, once, in the build's failure.
assert log =~ /Function OrdersRejectFunction failed \(request [0-9a-f-]{36}\): \{"errorMessage":"no 3 changes wanted here","errorType":"java.lang.IllegalStateException","stackTrace":\["it.Orders.reject\(Orders.java:13\)"/
assert log.findAll('"errorMessage"').size() == 1
return true
