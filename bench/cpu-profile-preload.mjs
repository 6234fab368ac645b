// Preloaded into every process of the app server by bench/profile-submit.ts
// (NODE_OPTIONS=--import …). Node refuses --cpu-prof in NODE_OPTIONS, so the profile is taken
// through the inspector instead: it starts at load and is written when the process gets SIGUSR2
// (the bench signals the whole process group before stopping the server).
import fs from "node:fs";
import inspector from "node:inspector";
import path from "node:path";

const dir = process.env.AEGIS_BENCH_PROFILE_DIR;
if (dir) {
  const session = new inspector.Session();
  session.connect();
  session.post("Profiler.enable", () => session.post("Profiler.start"));
  process.on("SIGUSR2", () => {
    session.post("Profiler.stop", (err, res) => {
      if (err) return;
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, `CPU.${process.pid}.cpuprofile`), JSON.stringify(res.profile));
    });
  });
}
