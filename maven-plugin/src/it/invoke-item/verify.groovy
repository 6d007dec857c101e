def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('[OrdersWatchFunction] watch MODIFY key {pk={S: o-9,}} new {pk={S: o-9,}, status={S: PAID,}} old null view NEW_IMAGE from arn:aws:dynamodb:us-east-1:123456789012:table/Orders/stream/')
assert log.contains('Response of OrdersWatchFunction')
assert log.contains('{"batchItemFailures":[]}')
return true
