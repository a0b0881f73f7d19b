// Types for ml-logistic-regression 2.x (the package ships none). Only what lib/authorship/learn.ts uses.
declare module 'ml-logistic-regression' {
  import type { Matrix } from 'ml-matrix';

  /** One-vs-all sub-model: `testScores` gives P(row is NOT this class) with the package's 0/1 recoding. */
  class LogisticRegressionTwoClasses {
    weights: Matrix;
    testScores(features: Matrix): number[];
  }

  export default class LogisticRegression {
    constructor(options?: { numSteps?: number; learningRate?: number });
    classifiers: LogisticRegressionTwoClasses[];
    numberClasses: number;
    train(X: Matrix, Y: Matrix): void;
    predict(X: Matrix): number[];
  }
}
