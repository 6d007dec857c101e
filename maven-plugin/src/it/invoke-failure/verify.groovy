def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains('[ERROR] The function failed: {"errorMessage":"no 3 changes wanted here"')
assert log.contains('"errorType":"java.lang.IllegalStateException"')
assert log =~ /Function OrdersRejectFunction failed \(request [0-9a-f-]{36}\)/
return true
