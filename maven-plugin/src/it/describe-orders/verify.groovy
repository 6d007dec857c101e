def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
def page = new File(basedir, 'target/laconic/describe.html')
assert log.contains('Wrote ' + page.path)
assert log.contains('2 functions, 2 mappings, 2 sources and destinations')
assert log.contains('OrdersWatchFunction (Orders.watch): java21, 1024 MB, 60 s, x86_64')
assert log.contains('  <- Orders through OrdersWatchStreamMapping: batch size 25, TRIM_HORIZON, 1 filter, failures -> Failures')
assert log.contains('  <- Failures through OrdersReportQueueMapping: batch size 10')

def html = page.getText('UTF-8')
assert html.startsWith('<!DOCTYPE html>')
assert html.contains('<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;sha256-')
// Every function and mapping in the picture and in the text, every arrow between them.
['data-function="OrdersWatchFunction"', 'data-function="OrdersReportFunction"',
 'data-mapping="OrdersWatchStreamMapping"', 'data-mapping="OrdersReportQueueMapping"',
 'data-resource="Orders"', 'data-resource="Failures"'].each { marker ->
  assert html.count(marker) == 2 : marker
}
assert html.contains('data-from="OrdersWatchStreamMapping" data-to="Failures" data-link="on failure"')
assert html.contains('data-from="Failures" data-to="OrdersReportQueueMapping" data-link="reads"')
assert html.contains('{&quot;eventName&quot;: [&quot;INSERT&quot;]}')
// Nothing to fetch.
['src=', 'href=', '<script', '<link', 'http:', 'https:'].each { assert !html.contains(it) : it }
return true
