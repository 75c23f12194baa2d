import ExecutionEnvironment from "exenv";












