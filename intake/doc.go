// Package intake receives scanned files from every channel (the drop folder,
// HTTP upload, the command line) and makes each one either a registered
// document with an immutable archive copy, or a refusal with a reason and a
// copy in quarantine. Nothing accepted is lost: the archive copy and the
// record are synced to disk before a file is acknowledged.
package intake
