console.log("pid", process.pid, process.ppid); const x: number = 1; console.log(x)
