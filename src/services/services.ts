import { BankruptcyCaseService } from './bankruptcy-case.service';
import { ExecutionCaseService } from './execution-case.service';

/** Stateless services shared by all requests; each call takes the request context first. */
export interface Services {
  executionCases: ExecutionCaseService;
  bankruptcyCases: BankruptcyCaseService;
}

export function createServices(): Services {
  return { executionCases: new ExecutionCaseService(), bankruptcyCases: new BankruptcyCaseService() };
}
