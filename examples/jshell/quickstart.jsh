// mmm4j in JShell. After ./mmm demo has built the jar once:
//   jshell --class-path mmm-cli/target/mmm.jar examples/jshell/quickstart.jsh
import io.github.mmm4j.core.*;
import io.github.mmm4j.models.*;
import io.github.mmm4j.synthetic.*;
import io.github.mmm4j.optimize.*;

var data = DemoData.generate(42);
var model = Ridge.fit(data, ModelSpec.defaults(data), RidgeOptions.defaults().withHoldout(13));
model.channels().forEach(c -> System.out.printf("%-8s ROI %.2f  mROI %.2f%n", c.name(), c.roi(), c.mroi()));
System.out.println(model.testMetrics().orElseThrow());
var plan = BudgetOptimizer.optimize(PlanningModel.of(model, 13), BudgetConstraints.none(), Objective.maximizeKpi());
System.out.println(plan.message());
/exit
