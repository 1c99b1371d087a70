"""The book's glossary: each term, the page that defines it, and the words that count as a use.

A page defines a term where the term first appears in bold (`**learning rate**`) or italics.
tests/test_glossary.py checks that no page uses a term before that: not on an earlier page in
nav order, and not earlier on the defining page. Add a term here when a page defines one.
"""

# term: (page that defines it, regular expression of its uses; matched case-insensitively)
TERMS = {
    "weight": ("index.md", r"\bweights?\b"),
    "prediction": ("index.md", r"\bpredictions?\b"),
    "loss": ("index.md", r"\bloss(es)?\b"),
    "gradient": ("index.md", r"\bgradients?\b"),
    "gradient descent": ("index.md", r"\bgradient descent\b"),
    "parameter": ("index.md", r"\bparameters?\b"),
    "computational graph": ("chain-rule.md", r"\bcomputational graphs?\b"),
    "tensor": ("chain-rule.md", r"\btensors?\b"),
    "autograd": ("chain-rule.md", r"\bautograd\b"),
    "finite difference": ("chain-rule.md", r"\bfinite differences?\b"),
    "learning rate": ("manual-gradients.md", r"\blearning rates?\b"),
    "dot product": ("manual-gradients.md", r"\bdot products?\b"),
    "epoch": ("manual-gradients.md", r"\bepochs?\b"),
    "mean squared error": ("manual-gradients.md", r"\bmean squared error\b"),
    "curvature": ("manual-gradients.md", r"\bcurvature\b"),
    "shape": ("autograd.md", r"\bshapes?\b"),
    "feature": ("autograd.md", r"\bfeatures?\b"),
    "least squares": ("autograd.md", r"\bleast[- ]squares\b"),
    "dtype": ("autograd.md", r"\bdtypes?\b"),
    "broadcasting": ("autograd.md", r"\bbroadcast(ing|s)?\b"),
    # autograd's leaf tensors; not the verb of "what it leaves" (chapter 2)
    "leaf": ("autograd.md", r"\bleaf\b|(?<!\bit )\bleaves\b"),
    "in place": ("autograd.md", r"\bin[- ]place\b"),
    "optimizer": ("loss-and-optimizers.md", r"\boptimi[sz]ers?\b"),
    "stochastic": ("loss-and-optimizers.md", r"\bstochastic\b"),
    "momentum": ("loss-and-optimizers.md", r"\bmomentum\b"),
    "Adam": ("loss-and-optimizers.md", r"\bAdam\b"),
    "predicted probability": ("loss-and-optimizers.md", r"\bpredicted probabilit(y|ies)\b"),
    "label": ("loss-and-optimizers.md", r"\blabels?\b"),
    # a group of samples; chapter 8 trains on mini-batches, which the index names in its table
    "batch": ("loss-and-optimizers.md", r"(?<!mini-)\bbatch(es)?\b"),
    "bias": ("nn-module.md", r"\bbias(es)?\b"),
    "matrix product": ("nn-module.md", r"\bmatrix products?\b"),
    "Hessian": ("curvature.md", r"\bHessians?\b"),
    "eigenvector": ("curvature.md", r"\beigenvectors?\b"),
    "eigenvalue": ("curvature.md", r"\beigenvalues?\b"),
    "condition number": ("curvature.md", r"\bcondition numbers?\b"),
    "tanh": ("engine.md", r"\btanh\b"),
    "standard deviation": ("networks.md", r"\bstandard deviations?\b"),
    # Chapter 4 names classes and cross-entropy in passing ("BCE for any number of classes"), and chapters 5
    # and 7 write a Python class: the patterns match only the classification sense that chapter 9 defines.
    "class": (
        "classification.md",
        r"(?<!number of )\bclasses\b|\b(true|every|each|per) class\b|\bclass (ind(ex|ices)|probabilit(y|ies))\b",
    ),
    "logit": ("classification.md", r"\blogits?\b"),
    "softmax": ("classification.md", r"\bsoftmax\b"),
    "one-hot": ("classification.md", r"\bone-hot\b"),
    "cross-entropy": ("classification.md", r"(?<!binary )\bcross-entropy\b(?! \(BCE)"),
    "Jacobian": ("classification.md", r"\bJacobians?\b"),
    "vector–Jacobian product": ("classification.md", r"\bvector[–-]Jacobian products?\b"),
    "log-sum-exp": ("classification.md", r"\blog-sum-exp\b"),
    "maximum likelihood": ("classification.md", r"\bmaximum likelihood\b"),
    "learning-rate schedule": ("when-training-fails.md", r"\blearning[- ]rate schedules?\b"),
    "dropout": ("when-training-fails.md", r"\bdropout\b"),
    "test set": ("digits.md", r"\btest sets?\b"),
    "confusion matrix": ("digits.md", r"\bconfusion matri(x|ces)\b"),
    "standard error": ("digits.md", r"\bstandard errors?\b"),
    # The classifier's score; not the plain word of "the accuracy of the finite differences" (chapter 8)
    "accuracy": ("moons.md", r"\baccuracy\b(?! of the finite differences)"),
    "decision boundary": ("moons.md", r"\bdecision boundar(y|ies)\b"),
    "neuron": ("moons.md", r"\bneurons?\b"),
    "MLP": ("moons.md", r"\bMLPs?\b|\bmultilayer perceptrons?\b"),
}
