import java.util.concurrent.LinkedBlockingQueue
import java.util.concurrent.TimeUnit

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('[laconic] Created table Orders (pk HASH) with a NEW_AND_OLD_IMAGES stream.')
assert log =~ /\[laconic\] In-process DynamoDB at http:\/\/127\.0\.0\.1:\d+ /
assert log.contains('[laconic] Running 1 mapping(s). Stopping after PT1S.')
assert log.contains('[laconic] Stopped: the mappings and the in-process DynamoDB.')
assert !log.contains('Exception')

// As a developer runs it: until Ctrl-C. Everything it needs is in the tests' repository now,
// recorded there as from the repository the tests' settings name, which offline Maven accepts
// only when the settings name it too.
def settings = new File(basedir, 'offline-settings.xml')
settings.text = new File(itSettings).text
    .replace('@localRepositoryUrl@', new File(localRepositoryPath.toString()).toURI().toString())
def mvn = new File(System.getProperty('maven.home'), 'bin/mvn').path
// runFor only in case the signal were lost: the test fails long before.
def process = new ProcessBuilder(mvn, '-B', '-o', '-s', settings.path,
    "-Dmaven.repo.local=${localRepositoryPath}", '-Dlaconic.runFor=PT5M', 'laconic:run')
    .directory(basedir).redirectErrorStream(true).start()
def lines = new LinkedBlockingQueue<String>()
def output = new StringBuffer()
def reader = Thread.start {
  process.inputStream.eachLine('UTF-8') { line -> output.append(line).append('\n'); lines.put(line) }
}
def waitFor = { String text ->
  long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60)
  while (System.nanoTime() < deadline) {
    def line = lines.poll(1, TimeUnit.SECONDS)
    if (line != null && line.contains(text)) {
      return line
    }
  }
  process.destroyForcibly()
  throw new AssertionError("no line with '" + text + "' in:\n" + output)
}
try {
  def endpoint = (waitFor('In-process DynamoDB at') =~ /http:\/\/127\.0\.0\.1:\d+/)[0]
  waitFor('Stopping after PT5M.')
  // PutItem in DynamoDB's JSON protocol, as the AWS CLI sends it; the local endpoint takes any
  // credentials.
  def put = new URL(endpoint + '/').openConnection()
  put.requestMethod = 'POST'
  put.doOutput = true
  put.setRequestProperty('X-Amz-Target', 'DynamoDB_20120810.PutItem')
  put.setRequestProperty('Content-Type', 'application/x-amz-json-1.0')
  put.setRequestProperty('Authorization', 'AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/'
      + 'dynamodb/aws4_request, SignedHeaders=host, Signature=0')
  put.outputStream.withWriter('UTF-8') {
    it << '{"TableName": "Orders", "Item": {"pk": {"S": "o-42"}}}'
  }
  assert put.responseCode == 200
  waitFor('[OrdersWatchFunction] saw INSERT o-42')

  assert new ProcessBuilder('kill', '-INT', String.valueOf(process.pid())).start().waitFor() == 0
  assert process.waitFor(60, TimeUnit.SECONDS) : 'still running after Ctrl-C:\n' + output
  reader.join(10_000) // to the end of the output
  def text = output.toString()
  assert text.contains('[laconic] Stopped: the mappings and the in-process DynamoDB.') : text
  assert !text.contains('Exception') : text
} finally {
  process.descendants().forEach { it.destroyForcibly() }
  process.destroyForcibly()
}
return true
